package org.agora.programmes;

/** The kinds of question staff put in a call's form. */
enum FieldKind {
    TEXT, LONG_TEXT, NUMBER, AMOUNT, DATE, CHOICE, FILE
}
