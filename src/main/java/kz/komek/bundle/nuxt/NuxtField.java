package kz.komek.bundle.nuxt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a payload tells about one field of a question.
 *
 * @param state whether the value is known, stored before the cut, not recovered, or absent
 * @param value the value when {@code state} is {@link State#VALUE} (may be a null node)
 * @param index the devalue index when {@code state} is {@link State#HIDDEN}
 */
record NuxtField(State state, JsonNode value, int index) {
    enum State {
        /** The value is in the payload. */
        VALUE,
        /** The field points at an element stored before the cut. */
        HIDDEN,
        /** The question's object was cut off and no surviving element could be matched to this field. */
        UNKNOWN,
        /** The field is missing or {@code undefined}. */
        ABSENT
    }

    static final NuxtField ABSENT = new NuxtField(State.ABSENT, null, -1);
    static final NuxtField UNKNOWN = new NuxtField(State.UNKNOWN, null, -1);

    static NuxtField of(JsonNode value) {
        return value == null || value.isMissingNode() ? ABSENT : new NuxtField(State.VALUE, value, -1);
    }

    static NuxtField hidden(int index) {
        return new NuxtField(State.HIDDEN, null, index);
    }

    boolean isText() {
        return state == State.VALUE && value.isTextual();
    }

    boolean isNull() {
        return state == State.ABSENT || (state == State.VALUE && value.isNull());
    }
}
