package kz.komek.admin.analytics;

import java.util.List;

/**
 * A table as CSV (RFC 4180: comma-separated, CRLF, quoted when needed). A cell a spreadsheet would take for a formula
 * ({@code = + - @}, tab or carriage return first) gets a leading apostrophe: readers' words reach these files, and
 * must not run as formulas when an editor opens one.
 */
final class Csv {
    private Csv() {}

    static String of(Table table) {
        var out = new StringBuilder();
        line(out, table.figure().columns());
        for (List<Object> row : table.rows()) {
            line(out, row.stream().map(Table::text).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String text) {
        String s = text;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
