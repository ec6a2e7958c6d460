package org.agora.notifications;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.mail.MessagingException;

import org.springframework.mail.MailSendException;

/**
 * Reads the SMTP reply codes out of what JavaMail throws. Angus Mail's SMTPAddressFailedException (refused at RCPT TO)
 * and SMTPSendFailedException (refused at MAIL FROM or after DATA) carry the server's reply code; Spring wraps them
 * in a MailSendException (per failed message), JavaMail chains them with getNextException. They are found by their
 * {@code getReturnCode()} method so that this module does not depend on the implementation's classes.
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    /** True when some part of the failure is a 5xx reply: the server refused for good, retrying will not help. */
    static boolean permanentRefusal(Exception failure) {
        for (Throwable cause : causes(failure).keySet()) {
            int code = returnCode(cause);
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /** A one-line description with the reply codes found, e.g. "MailSendException: ... [550 5.1.1 User unknown]". */
    static String describe(Exception failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName()).append(": ").append(failure.getMessage());
        for (Throwable cause : causes(failure).keySet()) {
            int code = returnCode(cause);
            if (code > 0 && cause != failure) {
                text.append(" [").append(code).append(' ').append(cause.getMessage()).append(']');
            }
        }
        return text.toString();
    }

    private static Map<Throwable, Boolean> causes(Exception failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < 50) {
            Throwable next = pending.poll();
            if (next == null || seen.put(next, Boolean.TRUE) != null) {
                continue;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
            if (next instanceof MailSendException send) {
                pending.addAll(send.getFailedMessages().values());
                for (Exception each : send.getMessageExceptions()) {
                    pending.add(each);
                }
            }
        }
        return seen;
    }

    private static int returnCode(Throwable failure) {
        try {
            Method method = failure.getClass().getMethod("getReturnCode");
            Object code = method.invoke(failure);
            return code instanceof Integer value ? value : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
