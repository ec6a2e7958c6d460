package org.agora.opendata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With demo data, builds the files once the other modules' demo data is in, unless a build already exists. */
@Component
@Order(90)
class OpenDataDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OpenDataDemoData.class);

    private final OpenDataBuilds builds;
    private final boolean enabled;

    OpenDataDemoData(OpenDataBuilds builds, @Value("${agora.demo-data:false}") boolean enabled) {
        this.builds = builds;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && builds.current().isEmpty()) {
            builds.build(OpenDataBuilds.Trigger.START, null)
                    .ifPresent(build -> log.info("Open data files built for the demo: {}", build.outcome()));
        }
    }
}
