/** The JVM floor of the start-up benchmark: a hello world on the same JVM. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
