package io.frontline.cli;

import io.frontline.gazetteer.GazetteerBuilder;
import io.frontline.gazetteer.GazetteerFile;
import io.frontline.gazetteer.Place;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code frontline gazetteer build}: the compact gazetteer the application ships, from its sources. */
@Command(name = "gazetteer", mixinStandardHelpOptions = true, description = "Gazetteer maintenance.",
        subcommands = GazetteerCommand.Build.class)
final class GazetteerCommand {

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build the compact gazetteer from Wikipedia's Syrian Civil War map module (TSV) and GeoNames files.")
    static final class Build implements Callable<Integer> {
        @Option(names = "--marks", paramLabel = "TSV", description = "syria-map-marks.tsv (lat, lon, mark, label, link, link_field).")
        Path marks;

        @Option(names = "--geonames", paramLabel = "TSV", required = true, description = "A GeoNames file (e.g. cities500 for one country).")
        Path geonames;

        @Option(names = "--admin1", paramLabel = "TSV", description = "GeoNames admin1 codes and names (code TAB name).")
        Path admin1;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "Where to write the gazetteer.")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<String> markRows = marks == null ? List.of() : Files.readAllLines(marks, StandardCharsets.UTF_8);
            var adm = admin1 == null ? java.util.Map.<String, String>of() : GazetteerBuilder.admin1(Files.readAllLines(admin1, StandardCharsets.UTF_8));
            List<Place> places = GazetteerBuilder.build(markRows, Files.readAllLines(geonames, StandardCharsets.UTF_8), adm);
            List<String> lines = new ArrayList<>();
            lines.add("# Frontline gazetteer, built by `frontline gazetteer build` from:");
            lines.add("#  - Wikipedia, \"Module:Syrian Civil War detailed map\" (places and control marks, c. July 2017),");
            lines.add("#    Wikipedia contributors, CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/");
            lines.add("#  - GeoNames (https://www.geonames.org), populated places and admin1 names, CC BY 4.0,");
            lines.add("#    https://creativecommons.org/licenses/by/4.0/");
            lines.add("# This file is a derived database and is distributed under CC BY-SA 4.0.");
            lines.add(GazetteerFile.HEADER);
            for (Place p : places) {
                lines.add(GazetteerFile.format(p));
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
            System.out.printf("wrote %d places to %s%n", places.size(), out);
            return 0;
        }
    }
}
