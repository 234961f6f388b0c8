package io.frontline.flink;

import io.frontline.Frontline;
import io.frontline.KnowledgeBase;
import io.frontline.stories.SourceProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled knowledge (lexicons, actors, gazetteer, source profiles) read once per JVM from the class path and
 * shared by every task of the job in that JVM. A {@link Frontline} is made per task (see {@link #frontline()}).
 */
public final class Knowledge {
    private static KnowledgeBase kb;
    private static SourceProfiles profiles;

    private Knowledge() {
    }

    public static synchronized KnowledgeBase base() {
        if (kb == null) {
            kb = KnowledgeBase.of(Knowledge::lines, List.of());
        }
        return kb;
    }

    /** A new pipeline over the shared knowledge base (one per task thread). */
    public static Frontline frontline() {
        return new Frontline(base());
    }

    public static synchronized SourceProfiles sources() {
        if (profiles == null) {
            profiles = SourceProfiles.parse(lines("sources/sources.tsv"), "bundled sources.tsv");
        }
        return profiles;
    }

    static List<String> lines(String file) {
        String resource = "/io/frontline/" + file;
        try (InputStream in = Knowledge.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled data missing from the job's class path: " + resource
                        + " (build frontline-flink with Maven, which packs frontline-core and the source profiles)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
