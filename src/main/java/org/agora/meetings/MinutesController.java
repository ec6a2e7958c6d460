package org.agora.meetings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's minutes: the public page once published (text, attachments, attendance figures, proposals produced),
 * and the page where staff or the area's facilitators write, attach and publish them.
 */
@Controller
@RequestMapping("/meetings/{id:\\d{1,18}}/compte-rendu")
class MinutesController {

    private final MinutesBook minutes;
    private final Attendance attendance;
    private final Meetings meetings;

    MinutesController(MinutesBook minutes, Attendance attendance, Meetings meetings) {
        this.minutes = minutes;
        this.attendance = attendance;
        this.meetings = meetings;
    }

    /** Published minutes of a public meeting for everyone; unpublished ones only for who may write them. */
    private Meeting readable(long id, AgoraUser user) {
        Meeting meeting = meetings.find(id).orElseThrow(MeetingRefused::notFound);
        boolean published = minutes.find(id).map(MinutesBook.Minutes::published).orElse(false);
        if (published && meeting.isPublic() || attendance.mayRunOnSite(user, meeting)) {
            return meeting;
        }
        throw MeetingRefused.notFound();
    }

    @GetMapping
    String show(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        Meeting meeting = readable(id, user);
        MinutesBook.Minutes text = minutes.find(id).orElseThrow(MeetingRefused::notFound);
        model.addAttribute("meeting", meeting);
        model.addAttribute("minutes", text);
        model.addAttribute("startsAt", meeting.startsInParis());
        model.addAttribute("attachments", minutes.attachments(id));
        model.addAttribute("figures", attendance.figures(id));
        model.addAttribute("proposals", minutes.proposalsProducedBy(id));
        model.addAttribute("mayEdit", attendance.mayRunOnSite(user, meeting));
        return "meetings/minutes";
    }

    @GetMapping("/pieces/{attachment}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachment,
                                    @AuthenticationPrincipal AgoraUser user) {
        readable(id, user);
        MinutesBook.File file = minutes.file(id, attachment).orElseThrow(MeetingRefused::notFound);
        ContentDisposition disposition = (file.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff").body(file.data());
    }

    @GetMapping("/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        Meeting meeting = attendance.onSite(user, id);
        Optional<MinutesBook.Minutes> current = minutes.find(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("minutes", current.orElse(null));
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", current.map(MinutesBook.Minutes::text).orElse(""));
        }
        if (!model.containsAttribute("err")) {
            model.addAttribute("err", Map.of());
        }
        model.addAttribute("attachments", minutes.attachments(id));
        model.addAttribute("maxMegabytes", MinutesBook.MAX_BYTES / (1024 * 1024));
        return "meetings/minutes-edit";
    }

    @PostMapping("/edit")
    String write(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String text,
                 @RequestParam(defaultValue = "false") boolean publish, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        requireSignedIn(user);
        Optional<String> problem = MinutesBook.textProblem(text);
        if (problem.isPresent()) {
            attendance.onSite(user, id);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("text", text);
            model.addAttribute("err", Map.of("text", problem.get()));
            return edit(id, user, model);
        }
        minutes.write(user, id, text);
        if (publish) {
            return publish(id, user, true, redirect);
        }
        redirect.addFlashAttribute("done", "meetings.minutes.saved");
        return "redirect:/meetings/" + id + "/compte-rendu/edit";
    }

    @PostMapping("/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                   @RequestParam(defaultValue = "true") boolean publish, RedirectAttributes redirect) {
        requireSignedIn(user);
        try {
            minutes.publish(user, id, publish);
        } catch (MeetingRefused refused) {
            if (refused.status().value() != HttpServletResponse.SC_CONFLICT) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.key());
            return "redirect:/meetings/" + id + "/compte-rendu/edit";
        }
        redirect.addFlashAttribute("done", publish ? "meetings.minutes.published" : "meetings.minutes.withdrawn");
        return publish ? "redirect:/meetings/" + id + "/compte-rendu" : "redirect:/meetings/" + id + "/compte-rendu/edit";
    }

    @PostMapping("/attachments")
    String attach(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        requireSignedIn(user);
        Optional<String> problem = minutes.attach(user, id, upload(file));
        if (problem.isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("err", Map.of("file", problem.get()));
            return edit(id, user, model);
        }
        redirect.addFlashAttribute("done", "meetings.minutes.file.added");
        return "redirect:/meetings/" + id + "/compte-rendu/edit#attachments";
    }

    @PostMapping("/attachments/{attachment}/remove")
    String remove(@PathVariable long id, @PathVariable long attachment, @AuthenticationPrincipal AgoraUser user,
                  RedirectAttributes redirect) {
        requireSignedIn(user);
        minutes.remove(user, id, attachment);
        redirect.addFlashAttribute("done", "meetings.minutes.file.removed");
        return "redirect:/meetings/" + id + "/compte-rendu/edit#attachments";
    }

    /** Reads one byte more than allowed at most, so that an oversized file is recognised without being held whole. */
    private static MinutesBook.Upload upload(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (var in = file.getInputStream()) {
            return new MinutesBook.Upload(file.getOriginalFilename(), in.readNBytes(MinutesBook.MAX_BYTES + 1));
        }
    }

    private static void requireSignedIn(AgoraUser user) {
        if (user == null) {
            throw MeetingRefused.forbidden();
        }
    }
}
