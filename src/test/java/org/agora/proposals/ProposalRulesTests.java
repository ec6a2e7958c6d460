package org.agora.proposals;

import org.agora.shared.FileFormat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalRulesTests {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    static Proposal.Content content(String title) {
        return new Proposal.Content(title, "Un texte suffisamment long.", 1, "Santé");
    }

    static Proposal published() {
        Proposal proposal = new Proposal(1, 2, content("Un titre correct"), NOON.minusSeconds(60));
        proposal.publish("2026-000001", NOON);
        return proposal;
    }

    @Test
    void aDraftIsRevisedUntilPublishedThenEditedOnlyWithinTheWindow() {
        Proposal proposal = new Proposal(1, 2, content("Un premier titre"), NOON);
        proposal.reviseDraft(content("Un second titre"));
        proposal.publish("2026-000007", NOON);

        assertThat(proposal.reference()).isEqualTo("2026-000007");
        assertThatThrownBy(() -> proposal.reviseDraft(content("Un troisième titre"))).isInstanceOf(IllegalStateException.class);
        assertThat(proposal.editableAt(NOON.plus(Duration.ofMinutes(14)), WINDOW)).isTrue();
        assertThat(proposal.editableAt(NOON.plus(WINDOW), WINDOW)).isFalse();
        proposal.edit(content("Un titre corrigé"), NOON.plus(Duration.ofMinutes(5)), WINDOW);
        assertThat(proposal.title()).isEqualTo("Un titre corrigé");
        assertThatThrownBy(() -> proposal.edit(content("Un titre trop tardif"), NOON.plus(Duration.ofHours(1)), WINDOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWithdrawnProposalKeepsItsTextAndCannotBeEditedNorWithdrawnAgain() {
        Proposal proposal = published();
        proposal.withdraw(NOON.plusSeconds(30));
        assertThat(proposal.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(proposal.title()).isEqualTo("Un titre correct");
        assertThat(proposal.editableAt(NOON.plusSeconds(60), WINDOW)).isFalse();
        assertThatThrownBy(() -> proposal.withdraw(NOON.plusSeconds(90))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDraftCannotBeWithdrawnNorPublishedTwice() {
        Proposal draft = new Proposal(1, 2, content("Un titre de brouillon"), NOON);
        assertThatThrownBy(() -> draft.withdraw(NOON)).isInstanceOf(IllegalStateException.class);
        Proposal proposal = published();
        assertThatThrownBy(() -> proposal.publish("2026-000002", NOON)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contentOutsideTheLengthsIsRefused() {
        assertThatThrownBy(() -> content("Court")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Proposal.Content("Un titre correct", "Trop court", 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesAttachmentsFromTheirBytesOnly() {
        assertThat(AttachmentFormat.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).contains(FileFormat.PNG);
        assertThat(AttachmentFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains(FileFormat.JPEG);
        assertThat(AttachmentFormat.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(FileFormat.WEBP);
        assertThat(AttachmentFormat.detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).contains(FileFormat.PDF);
        assertThat(AttachmentFormat.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentFormat.detect(new byte[0])).isEmpty();
    }

    @Test
    void aFileNameIsReducedToSafeCharactersWithTheExtensionOfItsRealType() {
        assertThat(new Upload("C:\\Users\\moi\\plan du bourg.exe", new byte[0]).safeName(FileFormat.PDF)).isEqualTo("plan du bourg.pdf");
        assertThat(new Upload("../../<script>.png", new byte[0]).safeName(FileFormat.JPEG)).isEqualTo("_script_.jpg");
        assertThat(new Upload(null, new byte[0]).safeName(FileFormat.PNG)).isEqualTo("piece-jointe.png");
    }
}
