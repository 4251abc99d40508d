package kz.komek.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import kz.komek.i18n.Locale;

/**
 * How material facts read in the reader's language: a video's length ({@code 2 мин 31 с}; Kazakh abbreviates hours
 * as {@code сағ}), a file's size in binary units with a decimal comma ({@code 471 КБ}, {@code 1,2 МБ}) and a date as
 * question pages show it. A no-break space keeps a number with its unit.
 */
public final class MaterialFormat {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final char NBSP = '\u00a0';

    private MaterialFormat() {}

    /** {@code 1 ч 2 мин 5 с}, {@code 2 мин 31 с}, {@code 3 мин}, {@code 45 с}; seconds rounded. */
    public static String duration(Duration d, Locale locale) {
        long total = Math.round(d.toMillis() / 1000.0);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long seconds = total % 60;
        var parts = new StringBuilder();
        if (hours > 0) {
            unit(parts, hours, UiText.UNIT_HOURS.in(locale));
        }
        if (minutes > 0) {
            unit(parts, minutes, UiText.UNIT_MINUTES.in(locale));
        }
        if (seconds > 0 || parts.length() == 0) {
            unit(parts, seconds, UiText.UNIT_SECONDS.in(locale));
        }
        return parts.toString();
    }

    /** {@code 512 байт}, {@code 471 КБ}, {@code 1,2 МБ}, {@code 2,5 ГБ}. */
    public static String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + "" + NBSP + UiText.UNIT_BYTES.in(locale);
        }
        if (bytes < 1024L * 1024) {
            return Math.round(bytes / 1024.0) + "" + NBSP + UiText.UNIT_KB.in(locale);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return decimal(bytes / (1024.0 * 1024)) + NBSP + UiText.UNIT_MB.in(locale);
        }
        return decimal(bytes / (1024.0 * 1024 * 1024)) + NBSP + UiText.UNIT_GB.in(locale);
    }

    /** {@code 10.02.2025}, as a question's "updated" date reads. */
    public static String date(LocalDate date) {
        return SHOWN.format(date);
    }

    /** One decimal, a comma before it in both languages; none when it is zero ({@code 3 МБ}). */
    private static String decimal(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "," + (tenths % 10);
    }

    private static void unit(StringBuilder parts, long n, String unit) {
        if (parts.length() > 0) {
            parts.append(' ');
        }
        parts.append(n).append(NBSP).append(unit);
    }
}
