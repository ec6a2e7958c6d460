package org.agora.accountability;

import org.springframework.ui.Model;

/** The staff page of something proposals may feed; it shows the linked proposals and the form that links more. */
interface ContributionTargetPage {

    ContributionKind kind();

    /** Fills the model for the target's staff page and returns its view; 404 for an unknown target. */
    String adminPage(long id, Model model);

    default String adminPath(long id) {
        return switch (kind()) {
            case CHARTER_ARTICLE -> "/admin/charte/" + id;
            case WORK_PROGRAMME -> "/admin/chantiers/" + id;
            case IMMEDIATE_MEASURE -> "/admin/mesures/" + id;
            case TRANSMISSION -> "/admin/transmissions/" + id;
            case REFERRAL -> "/admin/saisines/" + id;
        };
    }
}
