package org.agora.programmes;

import java.util.List;

/** One question of a call's form; {@code choices} only for a choice. */
record CallField(long id, long callId, int position, FieldKind kind, String label, String help, boolean required,
                 List<String> choices) {

    /** The name of the answer in the application form. */
    public String name() {
        return "field-" + id;
    }

    public boolean file() {
        return kind == FieldKind.FILE;
    }
}
