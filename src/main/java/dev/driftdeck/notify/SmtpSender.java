package dev.driftdeck.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends a notice as one e-mail (text and HTML alternatives) through an SMTP relay: STARTTLS required on
 * {@code smtp://} (a relay that does not offer it is refused, so the password never crosses in clear), TLS from the
 * first byte on {@code smtps://}; the server's certificate is checked against its name unless {@code trust=} says
 * otherwise. One attempt: a relay queues and retries itself, and a repeated send would duplicate the mail.
 */
final class SmtpSender {

    private static final String TIMEOUT_MS = "20000";

    private SmtpSender() {
    }

    static void send(SmtpTarget target, MailContent content, Clock clock) throws DeliveryException {
        String protocol = target.implicitTls() ? "smtps" : "smtp";
        Properties props = new Properties();
        String prefix = "mail." + protocol + ".";
        props.put(prefix + "host", target.host());
        props.put(prefix + "port", Integer.toString(target.port()));
        props.put(prefix + "connectiontimeout", TIMEOUT_MS);
        props.put(prefix + "timeout", TIMEOUT_MS);
        props.put(prefix + "writetimeout", TIMEOUT_MS);
        // trust= names a relay whose self-signed certificate the operator accepts as it is, name and all.
        props.put(prefix + "ssl.checkserveridentity", Boolean.toString(target.trust() == null));
        if (!target.implicitTls()) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (target.trust() != null) {
            props.put(prefix + "ssl.trust", target.trust());
        }
        props.put(prefix + "auth", Boolean.toString(target.user() != null));
        Session session = Session.getInstance(props);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(target.from()));
            for (String to : target.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setSubject(content.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            MimeBodyPart text = new MimeBodyPart();
            text.setText(content.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(content.html(), "text/html; charset=UTF-8");
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(target.host(), target.port(), target.user(), target.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new DeliveryException("Could not send e-mail through " + target + ": " + describe(e)
                    + ". Check the relay's host, port, user and password, and that it offers STARTTLS (smtp://) or TLS"
                    + " (smtps://)", 1, null);
        }
    }

    /** The message of the cause chain, without the password (never part of a MessagingException's text). */
    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && text.length() < 400) {
            text.append(" / ").append(cause.getMessage());
            cause = cause.getCause();
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
