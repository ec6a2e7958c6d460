package org.agora.meetings;

/** The kinds of question a registration form asks. The choice kinds have options. */
enum QuestionKind {
    TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKBOX;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
