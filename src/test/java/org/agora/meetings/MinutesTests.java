package org.agora.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.agora.AgoraTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.agora.meetings.AttendanceTests.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class MinutesTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    AttendanceCatalog catalog;

    MeetingTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
    }

    @Test
    void publishesTheMinutesWithTheirAttachmentAndFigures() throws Exception {
        AttendanceTests.Held meeting = held(bed, 10, 2, Duration.ofDays(1));
        String page = "/meetings/" + meeting.id() + "/compte-rendu";

        mvc.perform(post(page + "/edit").param("text", "Premier paragraphe.\n\nDeuxième : les routes.")
                .with(as(bed.staff)).with(csrf())).andExpect(redirectedUrl(page + "/edit"));
        mvc.perform(get(page)).andExpect(status().isNotFound());
        mvc.perform(multipart(page + "/attachments").file(new MockMultipartFile("file", "../Diaporama du jour.pdf",
                "text/plain", PDF)).with(as(bed.staff)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/publish").with(as(bed.staff)).with(csrf())).andExpect(redirectedUrl(page));

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<p>Deuxième : les routes.</p>")))
                .andExpect(content().string(containsString("Diaporama du jour.pdf")))
                .andExpect(content().string(containsString("Inscrits (places confirmées)")));
        long attachment = bed.jdbc.queryForObject("SELECT id FROM meeting_minutes_attachment WHERE meeting_id = ?",
                Long.class, meeting.id());
        mvc.perform(get(page + "/pieces/" + attachment)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("Diaporama du jour.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PDF));
        assertThat(catalog.minutesPaths()).contains(page);
        mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString(page + "</loc>")));
    }

    @Test
    void refusesAFileOfAnotherFormatAndAnEmptyText() throws Exception {
        AttendanceTests.Held meeting = held(bed, 10, 1, Duration.ofDays(1));
        String page = "/meetings/" + meeting.id() + "/compte-rendu";

        mvc.perform(multipart(page + "/attachments").file(new MockMultipartFile("file", "virus.pdf", "application/pdf",
                        "MZ not a pdf".getBytes(StandardCharsets.US_ASCII))).with(as(bed.staff)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Ce format n&#39;est pas accepté")));
        mvc.perform(post(page + "/edit").param("text", "  ").with(as(bed.staff)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Écrivez le compte rendu")));
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM meeting_minutes_attachment WHERE meeting_id = ?",
                Integer.class, meeting.id())).isZero();
    }

    @Test
    void theAreasFacilitatorWritesTheMinutesAndOthersMayNot() throws Exception {
        AttendanceTests.Held meeting = held(bed, 10, 1, Duration.ofDays(1));
        String page = "/meetings/" + meeting.id() + "/compte-rendu";

        mvc.perform(post(page + "/edit").param("text", "Écrit ailleurs.").with(as(bed.facilitatorOf(bed.south))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/edit").param("text", "Écrit ici.").with(as(bed.people.participant())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/edit").param("text", "Écrit ici.").param("publish", "true")
                .with(as(bed.facilitatorOf(bed.north))).with(csrf())).andExpect(redirectedUrl(page));
        mvc.perform(get(page)).andExpect(content().string(containsString("Écrit ici.")));
    }
}
