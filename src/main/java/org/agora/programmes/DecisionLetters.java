package org.agora.programmes;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/** The decision letter, in French (the administration's language), as a PDF. */
final class DecisionLetters {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private DecisionLetters() {
    }

    /** What the letter says: to whom, about what, the decision and its reason, and the grant or days it brings. */
    record Letter(String organisation, String applicationTitle, String callTitle, ApplicationStatus decision,
                  String reason, Long grantCents, Integer accompanimentDays, LocalDate date) {
    }

    static String decisionText(ApplicationStatus decision) {
        return switch (decision) {
            case RETAINED -> "Votre candidature est retenue.";
            case WAITING_LIST -> "Votre candidature est inscrite sur la liste d’attente.";
            case NOT_RETAINED -> "Votre candidature n’est pas retenue.";
            default -> throw new IllegalArgumentException("Not a decision: " + decision);
        };
    }

    static byte[] pdf(Letter letter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 64, 64, 72, 72);
        PdfWriter.getInstance(document, out);
        document.addTitle("Décision — " + letter.callTitle());
        document.open();
        Font normal = new Font(Font.HELVETICA, 11);
        Font bold = new Font(Font.HELVETICA, 12, Font.BOLD);
        Paragraph date = new Paragraph("Le " + FRENCH_DATE.format(letter.date()), normal);
        date.setAlignment(Element.ALIGN_RIGHT);
        document.add(date);
        document.add(new Paragraph(letter.organisation(), bold));
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph("Objet : « " + letter.callTitle() + " » — décision sur votre candidature « "
                + letter.applicationTitle() + " »", bold));
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph("Madame, Monsieur,", normal));
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph("Après examen par le jury, nous avons le plaisir de vous faire connaître la décision "
                + "prise sur votre candidature. " + decisionText(letter.decision()), normal));
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph("Motif : " + letter.reason(), normal));
        if (letter.decision() == ApplicationStatus.RETAINED && letter.grantCents() != null) {
            document.add(new Paragraph(" ", normal));
            document.add(new Paragraph("Montant de la subvention attribuée : "
                    + Money.format(letter.grantCents(), Locale.FRENCH).replace('\u202f', ' ').replace('\u00a0', ' ')
                    + ".", normal));
        }
        if (letter.decision() == ApplicationStatus.RETAINED && letter.accompanimentDays() != null) {
            document.add(new Paragraph(" ", normal));
            document.add(new Paragraph("Vous bénéficierez de " + letter.accompanimentDays()
                    + " jours d’accompagnement par un prestataire, qui prendra contact avec vous.", normal));
        }
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph("Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations "
                + "distinguées.", normal));
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph("Le service des programmes d’accompagnement des territoires", normal));
        document.close();
        return out.toByteArray();
    }
}
