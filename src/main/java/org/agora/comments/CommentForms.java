package org.agora.comments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * What the comment forms send, as typed: every value is a String checked here, so that a wrong value is a field error
 * shown back with the rest of the text, never a failed binding. Patterns accept the empty string so that a missing
 * value gets the "required" message only.
 */
final class CommentForms {

    static final String ID = "|[1-9][0-9]{0,17}";

    private CommentForms() {
    }

    record NewComment(
            @NotBlank(message = "comments.form.resource.invalid")
            @Pattern(regexp = "|[a-z][a-z-]{0,29}", message = "comments.form.resource.invalid") String resourceType,
            @NotBlank(message = "comments.form.resource.invalid")
            @Pattern(regexp = ID, message = "comments.form.resource.invalid") String resourceId,
            @Pattern(regexp = ID, message = "comments.parent.unknown") String parentId,
            @NotBlank(message = "comments.stance.required")
            @Pattern(regexp = "|FOR|AGAINST|NEUTRAL", message = "comments.stance.invalid") String stance,
            String body) {
    }

    record Edit(
            @NotBlank(message = "comments.stance.required")
            @Pattern(regexp = "|FOR|AGAINST|NEUTRAL", message = "comments.stance.invalid") String stance,
            String body) {
    }

    /** NONE withdraws the viewer's vote: the pressed button of the thread sends it. */
    record Vote(
            @NotBlank(message = "comments.vote.invalid")
            @Pattern(regexp = "|UP|DOWN|NONE", message = "comments.vote.invalid") String direction) {
    }
}
