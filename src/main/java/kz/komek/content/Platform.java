package kz.komek.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an answer is read: a desktop browser, a mobile browser, or the mobile app's webview. Each has its own
 * class of platform span in the content ({@code desktop_only}, {@code mobile_only}, {@code mobileApp_only}).
 */
public enum Platform {
    DESKTOP("desktop", "desktop_only"),
    MOBILE("mobile", "mobile_only"),
    APP("app", "mobileApp_only");

    private final String code;
    private final String spanClass;

    Platform(String code, String spanClass) {
        this.code = code;
        this.spanClass = spanClass;
    }

    public String code() {
        return code;
    }

    /** The class that marks content meant only for this platform. */
    public String spanClass() {
        return spanClass;
    }

    public static Optional<Platform> parse(String code) {
        return Arrays.stream(values())
                .filter(p -> p.code.equalsIgnoreCase(code))
                .findFirst();
    }

    /** Phones and tablets; "Mobi" covers most mobile browsers, the rest name their device. */
    private static final java.util.regex.Pattern MOBILE_AGENT = java.util.regex.Pattern.compile(
            "Mobi|Android|iPhone|iPad|iPod|IEMobile|Opera Mini|BlackBerry|webOS|Windows Phone");

    /**
     * The platform a request asks for: {@code ?platform=} when given, else the User-Agent (the app's webview
     * carries one of the configured tokens; mobile browsers say so; everything else is desktop).
     *
     * @throws IllegalArgumentException for a {@code platform} parameter that names no platform
     */
    public static Platform of(String parameter, String userAgent, java.util.List<String> appTokens) {
        if (parameter != null && !parameter.isBlank()) {
            return parse(parameter.strip())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown platform \"" + (parameter.length() > 20 ? parameter.substring(0, 20) : parameter)
                                    + "\": use desktop, mobile or app"));
        }
        if (userAgent == null || userAgent.isBlank()) {
            return DESKTOP;
        }
        for (String token : appTokens) {
            if (!token.isBlank() && userAgent.contains(token)) {
                return APP;
            }
        }
        return MOBILE_AGENT.matcher(userAgent).find() ? MOBILE : DESKTOP;
    }

    /** The platform whose span class this is, if it is one. */
    public static Optional<Platform> ofSpanClass(String cssClass) {
        return Arrays.stream(values()).filter(p -> p.spanClass.equals(cssClass)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
