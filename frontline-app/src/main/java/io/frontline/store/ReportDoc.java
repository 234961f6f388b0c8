package io.frontline.store;

import io.frontline.Extraction;
import io.frontline.cli.AcledCsv;
import io.frontline.cli.JsonContract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report as the store writes it: the JSON contract's report object (without its events and claims), its
 * events and claims as contract objects, the text it was read from and the SHA-256 of that text.
 */
public record ReportDoc(String id, String contentHash, String file, String text, String source,
                        Map<String, Object> report, List<Map<String, Object>> events, List<Map<String, Object>> claims) {

    @SuppressWarnings("unchecked")
    public static ReportDoc of(Extraction x, String text) {
        Map<String, Object> all = JsonContract.report(x);
        Map<String, Object> report = new LinkedHashMap<>(all);
        List<Map<String, Object>> events = (List<Map<String, Object>>) (List<?>) report.remove("events");
        List<Map<String, Object>> claims = (List<Map<String, Object>>) (List<?>) report.remove("claims");
        var r = x.report();
        return new ReportDoc(r.id(), sha256(text), r.file(), text, AcledCsv.source(r.originalSource(), r.publisher()), report,
                events, claims);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
