package org.agora;

import java.time.Clock;

import org.agora.generator.GenerateCommand;
import org.agora.panels.PanelCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class AgoraApplication {

    /**
     * {@code panels …} runs the panel selection command line (docs/panels.md) without starting the application;
     * {@code generate …} fills a PostgreSQL database with synthetic data (docs/benchmarks.md).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("panels")) {
            System.exit(PanelCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(args, System.out, System.err, AgoraApplication.class));
        }
        SpringApplication.run(AgoraApplication.class, args);
    }

    /** Every module reads time from this clock, so that tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
