package org.agora.meetings;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal on the attendance, survey and minutes pages answers with the error page of its status (403, 404, 409). */
@ControllerAdvice(assignableTypes = {CheckInController.class, SurveyController.class, AttendanceReportController.class,
        MinutesController.class})
class AttendanceRefusals {

    @ExceptionHandler(MeetingRefused.class)
    void refused(MeetingRefused refused, HttpServletResponse response) throws IOException {
        response.sendError(refused.status().value());
    }
}
