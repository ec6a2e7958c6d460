package org.agora.meetings;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.agora.accounts.AgoraUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My registrations": the signed-in person's registrations, to find their code and QR code or to cancel. */
@Controller
class MyMeetingsController {

    record Row(MeetingCard meeting, Registration registration, Integer waitingPosition) {
    }

    private final Registrations registrations;
    private final MeetingRegistrations seats;
    private final Meetings meetings;
    private final MeetingViews views;

    MyMeetingsController(Registrations registrations, MeetingRegistrations seats, Meetings meetings, MeetingViews views) {
        this.registrations = registrations;
        this.seats = seats;
        this.meetings = meetings;
        this.views = views;
    }

    @GetMapping("/account/meetings")
    String list(@AuthenticationPrincipal AgoraUser user, Model model) {
        List<Registration> mine = registrations.ofAccount(user.id().value()).stream()
                .filter(registration -> registration.status().active()).toList();
        Map<Long, MeetingCard> cards = views.cards(meetings.byIds(mine.stream().map(Registration::meetingId).toList()))
                .stream().collect(Collectors.toMap(MeetingCard::id, Function.identity()));
        model.addAttribute("rows", mine.stream()
                .map(registration -> new Row(cards.get(registration.meetingId()), registration, seats.waitingPosition(registration)))
                .toList());
        return "meetings/mine";
    }

    @PostMapping("/account/meetings/{id:\\d{1,18}}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        seats.cancelOwn(id, user.id().value());
        redirect.addFlashAttribute("flash", "meetings.flash.cancelled");
        return "redirect:/account/meetings";
    }
}
