package dev.connectorruntime.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain aligned columns, two spaces apart, indented by two; the last column is not padded. */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        if (rows.isEmpty()) {
            out.println("  (none)");
            return;
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                String cell = Terminal.line(row[i]);
                sb.append(cell);
                if (i < columns - 1 && widths[i] > 0) {
                    sb.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
