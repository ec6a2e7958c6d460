package org.agora.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the API returns. Times are UTC (ISO 8601); people appear only by their public name (a pseudonymous id such as
 * "p-1f2e3d4c5b6a7980" unless they chose to show their pseudonym in open data), never by email.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "TerritoryRef", description = "A territory, by id and name.")
    record TerritoryRef(@Schema(example = "12") long id, @Schema(example = "Loiret") String name) {
    }

    @Schema(name = "Territory", description = "A territory of the tree: region > département > living area > commune.")
    record Territory(@Schema(example = "12") long id,
                     @Schema(description = "REGION, DEPARTEMENT, LIVING_AREA or COMMUNE.", example = "DEPARTEMENT") String kind,
                     @Schema(description = "The INSEE code (or the instance's own code for a living area).", example = "45") String code,
                     @Schema(example = "Loiret") String name,
                     @Schema(description = "The territory above; null for the region.", nullable = true, example = "1") Long parentId,
                     @Schema(description = "Postal codes (communes only).") List<String> postalCodes) {
    }

    @Schema(name = "Process", description = "A participatory process (démarche).")
    record Process(@Schema(example = "budget-participatif-2026") String slug,
                   @Schema(example = "Budget participatif 2026") String title,
                   String summary, String description, TerritoryRef territory,
                   @Schema(description = "OPEN or CLOSED.", example = "OPEN") String status,
                   Instant publishedAt,
                   @Schema(description = "Its public page.", example = "https://agora.example/processes/budget-participatif-2026") String url) {
    }

    @Schema(name = "Answer", description = "The published answer to a proposal: where it went and why.")
    record Answer(@Schema(description = "The proposal answered.", example = "1234") long proposalId,
                  @Schema(description = "The proposal's process.", example = "budget-participatif-2026") String process,
                  @Schema(description = "The destination's label.", example = "Intégrée à un chantier") String destination,
                  @Schema(description = "CHARTER, IMMEDIATE_MEASURE, WORK_PROGRAMME, OTHER_LEVEL, NOT_RETAINED or OTHER.",
                          example = "WORK_PROGRAMME") String destinationKind,
                  @Schema(description = "The public answer.") String text,
                  Instant publishedAt) {
    }

    @Schema(name = "Proposal", description = "A public proposal (published or withdrawn).")
    record Proposal(@Schema(example = "1234") long id,
                    @Schema(description = "The public reference.", example = "2026-000042") String reference,
                    @Schema(example = "budget-participatif-2026") String process,
                    @Schema(description = "Null while moderation hides it.", nullable = true) String title,
                    @Schema(description = "Null while moderation hides it.", nullable = true) String body,
                    TerritoryRef territory,
                    @Schema(nullable = true, example = "Mobilités") String theme,
                    @Schema(description = "PUBLISHED or WITHDRAWN.", example = "PUBLISHED") String status,
                    @Schema(description = "True while moderation hides its text.") boolean hidden,
                    @Schema(description = "The category of the moderation's reason, when hidden.", nullable = true) String hiddenReason,
                    Instant publishedAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The published answer; absent until there is one.") Answer answer,
                    @Schema(description = "How many people support it.", example = "17") int supports,
                    @Schema(description = "How many published comments it has.", example = "3") int comments,
                    @Schema(description = "Collected on paper at a workshop and typed in by a facilitator.") boolean collectedOnPaper,
                    @Schema(description = "Its author's public name; null for a contribution imported from another tool's file (written there, not by an account here).", nullable = true, example = "p-1f2e3d4c5b6a7980") String author,
                    @Schema(example = "https://agora.example/processes/budget-participatif-2026/proposals/2026-000042") String url) {
    }

    @Schema(name = "Comment", description = "A published comment on a proposal.")
    record Comment(@Schema(example = "77") long id,
                   @Schema(description = "The comment it answers; null at the top of the thread.", nullable = true) Long parentId,
                   @Schema(description = "0 for a comment, 1 and more for replies.", example = "0") int depth,
                   @Schema(description = "FOR, AGAINST or NEUTRAL.", example = "FOR") String stance,
                   String body, Instant postedAt,
                   @Schema(nullable = true) Instant editedAt,
                   @Schema(description = "Its author's public name.", example = "p-1f2e3d4c5b6a7980") String author) {
    }

    @Schema(name = "Meeting", description = "A public meeting (not by invitation).")
    record Meeting(@Schema(example = "31") long id, String title, String description,
                   @Schema(description = "SEMINAR, TOUR_STOP, FABRIK, PANEL_SESSION, WEBINAR or OTHER.", example = "FABRIK") String kind,
                   @Schema(description = "IN_PERSON, ONLINE or HYBRID.", example = "IN_PERSON") String format,
                   Instant startsAt, Instant endsAt,
                   @Schema(description = "The process it belongs to, if any.", nullable = true) String process,
                   TerritoryRef territory,
                   @Schema(nullable = true) String address,
                   boolean cancelled,
                   @Schema(description = "Seats; null when unlimited.", nullable = true) Integer capacity,
                   @Schema(description = "Confirmed registrations.") int registered,
                   String url) {
    }

    @Schema(name = "Milestone")
    record Milestone(String title, LocalDate plannedOn, @Schema(nullable = true) LocalDate reachedOn) {
    }

    @Schema(name = "WorkProgramme", description = "A work programme (chantier) of the strategy and its progress.")
    record WorkProgramme(@Schema(example = "mobilites-du-quotidien") String slug, String title, String description,
                         String ambition, String objective,
                         @Schema(description = "UPCOMING, ONGOING or DONE.", example = "ONGOING") String status,
                         @Schema(description = "Progress in percent.", example = "40") int progress,
                         List<Milestone> milestones,
                         @Schema(description = "How many proposals fed it.", example = "12") long proposalsFed,
                         String url) {
    }

    @Schema(name = "Replacement", description = "A panelist who dropped out, replaced by lot.")
    record Replacement(Instant at, String dropped, String replacement, String seed) {
    }

    @Schema(name = "Draw", description = "The public draw of a panel; fields are null until each step happens.")
    record Draw(@Schema(nullable = true) Integer lotterySize,
                @Schema(description = "SHA-256 of the published lottery file.", nullable = true) String lotterySha256,
                @Schema(nullable = true) Instant lotteryPublishedAt,
                @Schema(description = "The public seed typed at the draw.", nullable = true) String seed,
                @Schema(description = "The panel of the lottery the seed chose.", nullable = true) Integer index,
                @Schema(nullable = true) Instant drawnAt,
                @Schema(description = "The pseudonymised numbers drawn.") List<String> drawnMembers,
                @Schema(description = "The current members, after replacements.") List<String> members,
                List<Replacement> replacements) {
    }

    @Schema(name = "Panel", description = "A citizens' panel drawn by lot; no personal data.")
    record Panel(@Schema(example = "panel-citoyen-du-loiret") String slug, String name, String purpose,
                 TerritoryRef territory,
                 @Schema(nullable = true) String process,
                 @Schema(description = "Seats.", example = "20") int size,
                 @Schema(description = "RECRUITING, SELECTED, LOTTERY_PUBLISHED, DRAWN or ENDED.", example = "DRAWN") String status,
                 @Schema(nullable = true) Instant recruitmentOpensAt,
                 @Schema(nullable = true) Instant recruitmentClosesAt,
                 @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until the lottery is published.") Draw draw,
                 String url) {
    }
}
