package org.agora.panels;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.notifications.MailOutbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** From a selected pool to a drawn panel: the lottery published first, the draw reproducible from its seed. */
@AgoraTest
@Import(PanelsTestSetup.class)
@org.springframework.test.context.event.RecordApplicationEvents
class PanelDrawTest {

    @Autowired org.springframework.test.context.event.ApplicationEvents events;

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired People people;
    @Autowired PanelManagement management;
    @Autowired PanelSelections selections;
    @Autowired Panels panels;
    @Autowired Volunteers volunteers;
    @Autowired MailOutbox outbox;
    @Autowired MutableClock clock;

    /** Waits for the background run (the small fixture takes well under a second). */
    static PanelSelections.Run awaitRun(PanelSelections selections, long panelId, Algorithm algorithm) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var run = selections.find(panelId, algorithm);
            if (run.isPresent() && run.get().status() != PanelSelections.Status.RUNNING) {
                return run.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The " + algorithm + " run did not finish");
    }

    @Test
    void theLotteryIsPublishedBeforeTheDrawAndTheSeedGivesThePanelAnyoneCanRecompute() throws Exception {
        clock.reset();
        AgoraUser staff = people.staff(RoleScope.GLOBAL);
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, PanelTestBed.territory(context), clock);
        management.commitImport(staff, panel.id(), PanelTestBed.fixture("pool.csv"));
        String admin = "/admin/panels/" + panel.id();

        // Publishing before any selection is refused.
        mvc.perform(post(admin + "/lottery").param("size", "50").with(as(staff)).with(csrf())).andExpect(status().isConflict());

        for (Algorithm algorithm : Algorithm.values()) {
            mvc.perform(post(admin + "/selection").param("algorithm", algorithm.name()).with(as(staff)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(awaitRun(selections, panel.id(), algorithm).status()).isEqualTo(PanelSelections.Status.DONE);
        }
        PanelSelections.Run leximin = selections.find(panel.id(), Algorithm.LEXIMIN).orElseThrow();
        assertThat(leximin.minProbability()).isPositive();
        assertThat(panels.find(panel.id()).orElseThrow().status()).isEqualTo(PanelStatus.SELECTED);
        mvc.perform(get(admin + "/selection").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Probabilité minimale de sélection"), containsString("jeune"))));

        mvc.perform(post(admin + "/lottery").param("size", "50").with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        Panel published = panels.find(panel.id()).orElseThrow();
        assertThat(published.status()).isEqualTo(PanelStatus.LOTTERY_PUBLISHED);
        byte[] file = mvc.perform(get("/panels/" + panel.slug() + "/lottery.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(file, StandardCharsets.UTF_8);
        assertThat(Lottery.sha256Hex(csv)).isEqualTo(published.lotterySha256());
        List<List<String>> lottery = Lottery.parse(csv);
        assertThat(lottery).hasSize(50);
        assertThat(csv).doesNotContain("Alice").doesNotContain("@");
        mvc.perform(get("/panels/" + panel.slug())).andExpect(content().string(containsString(published.lotterySha256())));

        // An empty seed is refused next to its field; the real one draws.
        mvc.perform(post(admin + "/draw").param("seed", "  ").with(as(staff)).with(csrf())).andExpect(status().isBadRequest());
        String seed = "Loto du 2 décembre 2026 : 7 12 23 34 45 + 3";
        mvc.perform(post(admin + "/draw").param("seed", seed).with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        Panel drawn = panels.find(panel.id()).orElseThrow();
        int expected = Lottery.drawIndex(published.lotterySha256(), seed, 50);
        assertThat(drawn.drawIndex()).isEqualTo(expected);
        assertThat(events.stream(PanelDrawn.class)).containsExactly(new PanelDrawn(panel.id(), panel.slug(), expected));
        assertThat(drawn.memberList()).containsExactlyInAnyOrderElementsOf(lottery.get(expected)).hasSize(4);
        // A second draw is refused: the panel is drawn once.
        mvc.perform(post(admin + "/draw").param("seed", "autre graine").with(as(staff)).with(csrf())).andExpect(status().isBadRequest());
        assertThat(panels.find(panel.id()).orElseThrow().drawIndex()).isEqualTo(expected);

        // The people drawn are mailed; the public pages show pseudonyms and the seed, and the verification agrees.
        for (Volunteer volunteer : volunteers.pool(panel.id())) {
            assertThat(outbox.to(volunteer.email())).hasSize(drawn.memberList().contains(volunteer.pseudonym()) ? 1 : 0);
        }
        mvc.perform(get("/panels/" + panel.slug())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(drawn.memberList().getFirst()), not(containsString("Vernier")))));
        mvc.perform(get("/panels/" + panel.slug() + "/verification").param("seed", seed)).andExpect(status().isOk())
                .andExpect(content().string(containsString("donne le panel numéro " + expected)));

        // The export carries the panel's names and contacts, for its team only.
        String export = mvc.perform(get(admin + "/panel.csv").with(as(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export.lines()).hasSize(5);
        assertThat(export).contains("@example.org");

        // A replacement keeps the panel at four and is logged publicly; the same seed gives the same person.
        String dropped = drawn.memberList().getFirst();
        Instance before = management.instance(drawn);
        String replacement = Replacement.replacementFor(before, drawn.memberList(), dropped, "remplacement 1").orElseThrow();
        mvc.perform(post(admin + "/replacements").param("dropped", dropped).param("seed", "remplacement 1")
                .with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        Panel after = panels.find(panel.id()).orElseThrow();
        assertThat(after.memberList()).hasSize(4).contains(replacement).doesNotContain(dropped);
        assertThat(panels.replacements(panel.id())).singleElement()
                .satisfies(logged -> assertThat(logged.replacement()).isEqualTo(replacement));
        mvc.perform(get("/panels/" + panel.slug())).andExpect(content().string(containsString("remplacement 1")));
    }
}
