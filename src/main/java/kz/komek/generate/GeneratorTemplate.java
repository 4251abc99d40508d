package kz.komek.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence template such as {@code "{o.acc|cap} можно {a.inf} {app.in}: {menu}."}, compiled once into literal
 * and slot parts so that rendering a hundred thousand answers does no parsing. {@code |cap} upper-cases the first
 * letter of the slot's value (a sentence that starts with a slot).
 */
final class GeneratorTemplate {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z0-9_.]+)(\\|cap)?}");

    private final String[] literals;
    private final String[] slots;
    private final boolean[] cap;

    private GeneratorTemplate(String[] literals, String[] slots, boolean[] cap) {
        this.literals = literals;
        this.slots = slots;
        this.cap = cap;
    }

    static GeneratorTemplate compile(String text) {
        List<String> literals = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        List<Boolean> caps = new ArrayList<>();
        Matcher m = SLOT.matcher(text);
        int at = 0;
        while (m.find()) {
            literals.add(text.substring(at, m.start()));
            slots.add(m.group(1));
            caps.add(m.group(2) != null);
            at = m.end();
        }
        literals.add(text.substring(at));
        boolean[] cap = new boolean[caps.size()];
        for (int i = 0; i < cap.length; i++) {
            cap[i] = caps.get(i);
        }
        return new GeneratorTemplate(literals.toArray(String[]::new), slots.toArray(String[]::new), cap);
    }

    List<String> slots() {
        return List.of(slots);
    }

    void render(StringBuilder out, Function<String, String> values) {
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]);
            String value = values.apply(slots[i]);
            if (cap[i] && !value.isEmpty() && Character.isLowerCase(value.charAt(0))) {
                out.append(Character.toUpperCase(value.charAt(0))).append(value, 1, value.length());
            } else {
                out.append(value);
            }
        }
        out.append(literals[slots.length]);
    }

    String render(Function<String, String> values) {
        StringBuilder out = new StringBuilder(64);
        render(out, values);
        return out.toString();
    }
}
