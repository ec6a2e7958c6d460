package org.agora.programmes;

import java.math.BigDecimal;
import java.util.List;

/** A centre as pages show it, with its territory names and the names of its facilitators. */
record CentreView(long id, String name, String address, long communeId, String communeName, Long departementId,
                  String departementName, String contactName, String contactEmail, String contactPhone,
                  List<String> hours, BigDecimal latitude, BigDecimal longitude, CentreStatus status,
                  List<Facilitator> facilitators) {

    record Facilitator(long accountId, String name) {
    }

    public boolean active() {
        return status == CentreStatus.ACTIVE;
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    public boolean anyHours() {
        return hours.stream().anyMatch(day -> !day.isBlank());
    }
}
