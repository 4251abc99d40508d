package kz.komek.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console log's format: {@code text} (one readable line an event) or {@code json} (one JSON object a line, for a
 * log pipeline). {@code logback.xml} picks its appender by {@code KOMEK_LOG_FORMAT}; logback has read it before any
 * flag is parsed, so a flag that says otherwise sets the system property of that name and reads the configuration
 * again.
 */
final class LogFormat {
    static final String PROPERTY = "KOMEK_LOG_FORMAT";

    private LogFormat() {}

    /** @throws IllegalArgumentException for a format other than {@code text} and {@code json} */
    static String parse(String raw) {
        String format = raw == null ? "text" : raw.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException(
                    "--log-format must be text or json, was \"" + kz.komek.i18n.Excerpt.of(raw, 40) + "\"");
        }
        return format;
    }

    /** Logs in {@code format} from now on (a format already in use is left alone). */
    static void use(String format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: its own configuration decides
        }
        boolean json = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("json") != null;
        if (json == format.equals("json")) {
            return; // already so (or another configuration without our appenders: left alone for text)
        }
        System.setProperty(PROPERTY, format);
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("could not configure logging: " + e.getMessage(), e);
        }
    }
}
