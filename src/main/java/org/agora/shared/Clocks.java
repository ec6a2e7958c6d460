package org.agora.shared;

import java.time.ZoneId;

/** The zone every date is shown in; everything is stored in UTC. */
public final class Clocks {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Clocks() {
    }
}
