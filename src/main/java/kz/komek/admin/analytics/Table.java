package kz.komek.admin.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One figure's figures as rows of cells, in its {@link Figure#columns()} order: the page's table, the CSV file and the
 * API's rows are all written from this, so they cannot disagree. A cell is a {@code String}, a {@code Long}, a
 * {@link BigDecimal} (a rounded share or score) or {@code null} (no figure: a share of nothing).
 */
record Table(Figure figure, List<List<Object>> rows) {
    Table {
        Objects.requireNonNull(figure, "figure");
        rows = List.copyOf(rows.stream()
                .map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
                .toList());
        for (List<Object> r : rows) {
            if (r.size() != figure.columns().size()) {
                throw new IllegalArgumentException(figure.key() + ": a row of " + r.size() + " cells for "
                        + figure.columns().size() + " columns");
            }
        }
    }

    /** A cell as text, the same on the page and in the CSV file: numbers plainly, no figure as nothing. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return cell.toString();
    }

    /** The cell of {@code column} in {@code row}. */
    Object cell(List<Object> row, String column) {
        int i = figure.columns().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(figure.key() + " has no column " + column);
        }
        return row.get(i);
    }

    /** A whole-number cell of {@code column}, 0 when empty. */
    long number(List<Object> row, String column) {
        Object c = cell(row, column);
        return c instanceof Long n ? n : 0;
    }
}
