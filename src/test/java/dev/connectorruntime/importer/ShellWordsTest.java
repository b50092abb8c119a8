package dev.connectorruntime.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void quotesEscapesAndContinuationsAreReadAsAPosixShellReadsThem() {
        assertThat(ShellWords.split("curl 'a b' \"c \\\"d\\\" \\$x\" e\\ f \\\n  -H'X: 1'"))
                .containsExactly("curl", "a b", "c \"d\" $x", "e f", "-HX: 1");
    }

    @Test
    void singleQuotesKeepBackslashesAndDoubleQuotesKeepOthers() {
        assertThat(ShellWords.split("x 'a\\nb' \"a\\nb\"")).containsExactly("x", "a\\nb", "a\\nb");
    }

    @Test
    void dollarSingleQuotesReadCEscapes() {
        assertThat(ShellWords.split("x $'a\\tb\\n\\x41\\u00e9\\'\\\\'")).containsExactly("x", "a\tb\nAé'\\");
    }

    @Test
    void variablesBecomePlaceholdersWithTheirDefaults() {
        assertThat(ShellWords.split("x \"Bearer $GITHUB_TOKEN\" ${A_B}/c \"${HOST-login.example.com}\" $ $1"))
                .containsExactly("x", "Bearer <<github_token>>", "<<a_b>>/c", "<<host:-login.example.com>>", "$",
                        "$1");
    }

    @Test
    void theFirstCommandEndsAtASeparatorOrAnUnescapedNewlineAndCommentsAreSkipped() {
        assertThat(ShellWords.split("# a comment\ncurl a # trailing\ncurl b")).containsExactly("curl", "a");
        assertThat(ShellWords.split("curl a | jq .")).containsExactly("curl", "a");
        assertThat(ShellWords.split("curl a && echo ok")).containsExactly("curl", "a");
        assertThat(ShellWords.split("curl a#b")).containsExactly("curl", "a#b");
    }

    @Test
    void windowsLineEndingsAfterABackslashContinueTheLine() {
        assertThat(ShellWords.split("curl a \\\r\n  b\r\n")).containsExactly("curl", "a", "b");
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> ShellWords.split("curl 'a")).hasMessage("a single quote is not closed");
        assertThatThrownBy(() -> ShellWords.split("curl \"a")).hasMessage("a double quote is not closed");
    }
}
