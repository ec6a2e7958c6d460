package org.agora.proposals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the author types. Every value arrives as text, so that a bad one is a field error, never a failed binding;
 * whether the territory lies in the process's scope and the theme is one of its themes is checked by
 * {@link ProposalManagement}.
 */
record ProposalForm(
        @NotBlank(message = "proposals.form.title.required")
        @Size(min = 10, max = 150, message = "proposals.form.title.length") String title,
        @NotBlank(message = "proposals.form.body.required")
        @Size(min = 15, max = 5000, message = "proposals.form.body.length") String body,
        @NotBlank(message = "proposals.form.territory.required")
        @Pattern(regexp = "[1-9][0-9]{0,17}", message = "proposals.form.territory.invalid") String territory,
        @Size(max = 80, message = "proposals.form.theme.invalid") String theme) {

    static final ProposalForm EMPTY = new ProposalForm("", "", "", "");

    ProposalForm {
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip().replace("\r\n", "\n");
        territory = territory == null ? "" : territory.strip();
        theme = theme == null ? "" : theme.strip();
    }

    long territoryId() {
        return Long.parseLong(territory);
    }
}
