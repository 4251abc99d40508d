package kz.komek.bundle.nuxt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Narrows down what the elements stored before the cut of a payload can hold, from how the surviving question
 * objects use them.
 *
 * <p>Two facts are safe: a field constrains the kind of value (a flag is true, false or null; usefulness a number
 * or null; a text field a string or null), and devalue stores each primitive value once, so {@code true},
 * {@code false} and {@code null} each sit at no more than one index. One premise is not a fact and is reported as
 * such: {@code voted} is per visitor, and a saved page comes from a visitor who has not voted on every question,
 * so an index used by {@code voted} of every question is not {@code true}.
 */
final class NuxtHiddenValues {
    enum Kind {
        TRUE,
        FALSE,
        NULL,
        NUMBER,
        STRING
    }

    /** A surviving question object's field that points at an element before the cut. */
    record Use(int index, String field, long question) {}

    static final Set<String> FLAG_FIELDS = Set.of("pinned", "voted", "no_index", "no_follow");
    static final Set<String> NUMBER_FIELDS = Set.of("id", "usefulness");

    private final Map<Integer, EnumSet<Kind>> domains = new TreeMap<>();
    private final Map<Integer, List<String>> reasons = new TreeMap<>();
    private final Map<Integer, Map<String, Set<Long>>> usesByIndex = new TreeMap<>();

    /**
     * @param uses every field of a surviving question that points before the cut
     * @param visible where {@code true}, {@code false} and {@code null} appear among the surviving elements
     * @param questions ids of all questions whose object survives (to say "every question")
     */
    NuxtHiddenValues(List<Use> uses, Map<Kind, Integer> visible, int questions) {
        for (Use use : uses) {
            usesByIndex
                    .computeIfAbsent(use.index(), i -> new LinkedHashMap<>())
                    .computeIfAbsent(use.field(), f -> new LinkedHashSet<>())
                    .add(use.question());
            EnumSet<Kind> domain = domains.computeIfAbsent(use.index(), i -> EnumSet.allOf(Kind.class));
            domain.retainAll(allowed(use.field()));
        }
        for (Map.Entry<Integer, EnumSet<Kind>> entry : domains.entrySet()) {
            Set<String> types = usesByIndex.get(entry.getKey()).keySet().stream()
                    .map(NuxtHiddenValues::typeOf)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (types.size() > 1) {
                reason(
                        entry.getKey(),
                        "it is used as a " + String.join(" and a ", types) + " field, and only null fits both");
            }
        }
        for (Map.Entry<Kind, Integer> entry : visible.entrySet()) {
            for (Map.Entry<Integer, EnumSet<Kind>> domain : domains.entrySet()) {
                if (domain.getValue().size() > 1 && domain.getValue().remove(entry.getKey())) {
                    reason(
                            domain.getKey(),
                            name(entry.getKey()) + " is visible at index " + entry.getValue()
                                    + " and devalue stores each value once");
                }
            }
        }
        propagate();
        for (Map.Entry<Integer, EnumSet<Kind>> entry : domains.entrySet()) {
            Set<Long> voters = usesByIndex.get(entry.getKey()).getOrDefault("voted", Set.of());
            if (voters.size() == questions
                    && questions > 1
                    && entry.getValue().size() > 1
                    && entry.getValue().remove(Kind.TRUE)) {
                reason(
                        entry.getKey(),
                        "the voted field of every question points at it, and a saved page comes"
                                + " from a visitor who has not voted on all of them (a premise, not a proof)");
            }
        }
        propagate();
    }

    /** What the element at a hidden index can be; empty if the uses contradict each other. */
    EnumSet<Kind> domain(int index) {
        EnumSet<Kind> domain = domains.get(index);
        return domain == null ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(domain);
    }

    /** The value a flag field pointing at {@code index} has, or null if it cannot be told. */
    Boolean flag(int index) {
        EnumSet<Kind> domain = domain(index);
        if (domain.equals(EnumSet.of(Kind.TRUE))) {
            return true;
        }
        if (!domain.isEmpty() && EnumSet.of(Kind.FALSE, Kind.NULL).containsAll(domain)) {
            return false; // null counts as false for a flag
        }
        return null;
    }

    /** One line per hidden index: who uses it, what it holds, and why. */
    List<String> findings(int totalQuestions) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Integer, EnumSet<Kind>> entry : domains.entrySet()) {
            int index = entry.getKey();
            String verdict = describe(entry.getValue());
            if (usesByIndex.get(index).keySet().stream().anyMatch(FLAG_FIELDS::contains)
                    && entry.getValue().contains(Kind.NULL)) {
                verdict += " (null counts as false for a flag)";
            }
            List<String> why = reasons.getOrDefault(index, List.of());
            lines.add("index " + index + " is stored before the cut; it holds " + usesOf(index, totalQuestions) + ": "
                    + verdict + (why.isEmpty() ? "" : ", because " + String.join("; ", why)));
        }
        return lines;
    }

    static String describe(EnumSet<Kind> domain) {
        if (domain.isEmpty()) {
            return "its uses contradict each other, so nothing is inferred";
        }
        if (domain.size() == 1) {
            Kind kind = domain.iterator().next();
            return kind == Kind.NUMBER ? "a number" : kind == Kind.STRING ? "a string" : name(kind);
        }
        return domain.stream().map(NuxtHiddenValues::name).collect(Collectors.joining(" or ")) + " (unknown)";
    }

    private String usesOf(int index, int totalQuestions) {
        Map<Set<Long>, List<String>> fieldsByQuestions = new LinkedHashMap<>();
        usesByIndex
                .get(index)
                .forEach((field, ids) -> fieldsByQuestions
                        .computeIfAbsent(ids, k -> new ArrayList<>())
                        .add(field));
        List<String> parts = new ArrayList<>();
        fieldsByQuestions.forEach((ids, fields) -> parts.add(String.join(", ", fields) + " of "
                + (ids.size() == totalQuestions && totalQuestions > 1
                        ? "every question whose object survives"
                        : (ids.size() == 1 ? "question " : "questions ")
                                + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")))));
        return String.join("; ", parts);
    }

    /** A value settled at one index cannot be at another. */
    private void propagate() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Integer, EnumSet<Kind>> settled : domains.entrySet()) {
                if (settled.getValue().size() != 1) {
                    continue;
                }
                Kind kind = settled.getValue().iterator().next();
                if (kind == Kind.NUMBER || kind == Kind.STRING) {
                    continue; // many numbers and strings exist
                }
                for (Map.Entry<Integer, EnumSet<Kind>> other : domains.entrySet()) {
                    if (!other.getKey().equals(settled.getKey())
                            && other.getValue().size() > 1
                            && other.getValue().remove(kind)) {
                        reason(other.getKey(), name(kind) + " is index " + settled.getKey());
                        changed = true;
                    }
                }
            }
        }
    }

    private void reason(int index, String reason) {
        reasons.computeIfAbsent(index, i -> new ArrayList<>()).add(reason);
    }

    private static EnumSet<Kind> allowed(String field) {
        if (FLAG_FIELDS.contains(field)) {
            return EnumSet.of(Kind.TRUE, Kind.FALSE, Kind.NULL);
        }
        if (NUMBER_FIELDS.contains(field)) {
            return EnumSet.of(Kind.NUMBER, Kind.NULL);
        }
        return EnumSet.of(Kind.STRING, Kind.NULL);
    }

    private static String typeOf(String field) {
        return FLAG_FIELDS.contains(field) ? "flag" : NUMBER_FIELDS.contains(field) ? "number" : "text";
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
