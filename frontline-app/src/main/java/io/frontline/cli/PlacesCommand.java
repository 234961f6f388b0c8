package io.frontline.cli;

import io.frontline.gazetteer.Candidate;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.gazetteer.NameKey;
import io.frontline.knowledge.BundledKnowledge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code frontline places QUERY}: gazetteer candidates for a name, for analysts. */
@Command(name = "places", mixinStandardHelpOptions = true,
        description = "Show gazetteer candidates for a place name: score, how it matched, coordinates, governorate, source.")
final class PlacesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "A place name in any transliteration.")
    List<String> query;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "Extra gazetteer file (Frontline TSV or GeoNames format); repeatable.")
    List<Path> gazetteers = new ArrayList<>();

    @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "Show at most this many candidates (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        GazetteerIndex g = BundledKnowledge.gazetteer(gazetteers);
        String q = String.join(" ", query);
        List<Candidate> cands = g.candidates(q);
        System.out.printf("%s  (key \"%s\", phonetic \"%s\"): %d candidates in %d places%n", q, NameKey.key(q),
                NameKey.phonetic(q), cands.size(), g.size());
        for (Candidate c : cands.subList(0, Math.min(limit, cands.size()))) {
            var p = c.place();
            System.out.printf("  %.2f %-9s %-32s %9.5f %9.5f  %-10s %-14s mark=%-6s %s  [%s]%n", c.score(), c.match(), p.name(),
                    p.point().lat(), p.point().lon(), p.feature(), p.admin1() == null ? "-" : p.admin1(),
                    p.mark().isEmpty() ? "-" : p.mark(), p.id(), String.join(", ", p.sources()));
        }
        return cands.isEmpty() ? 1 : 0;
    }
}
