package itu.wsis.speaking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import itu.wsis.events.Rank;
import itu.wsis.speaking.domain.LatePolicy;

import java.util.List;

@ConfigMapping(prefix = "wsis.speaking")
public interface SpeakingConfig {

    PrecedenceConfig precedence();

    /** The late policy a forum starts with; the secretariat can change it per forum. */
    @WithDefault("WAITLIST")
    LatePolicy defaultLatePolicy();

    /** The statement length of a session created without one (the letter's "about 3 minutes"). */
    @WithDefault("3")
    int defaultStatementMinutes();

    interface PrecedenceConfig {

        /** Rank order, highest first. Ranks left out follow the listed ones in protocol order. */
        @WithDefault("HEAD_OF_STATE,HEAD_OF_GOVERNMENT,MINISTER,DEPUTY_MINISTER,AMBASSADOR,HEAD_OF_DELEGATION,OTHER")
        List<Rank> rankOrder();

        /** Within one rank, whether speakers present in Geneva come before remote and video statements. */
        @WithDefault("true")
        boolean inPersonFirst();
    }
}
