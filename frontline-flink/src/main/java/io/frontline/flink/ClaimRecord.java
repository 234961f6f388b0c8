package io.frontline.flink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontline.events.Claim;

/**
 * A claim or prediction of a report, kept apart from the events. {@link #claimId} is the report's content hash,
 * {@code -c} and the claim's index (from 1): deterministic, the key of the Kafka record and of the row. A Flink POJO.
 */
public class ClaimRecord {
    public String claimId;
    public String reportId;
    public String storyId;
    /** The core's {@link Claim} as JSON. */
    public String claim;

    public ClaimRecord() {
    }

    public ClaimRecord(String reportId, int index, String storyId, String claim) {
        this.claimId = String.format("%s-c%03d", reportId, index);
        this.reportId = reportId;
        this.storyId = storyId;
        this.claim = claim;
    }

    public Claim toClaim() {
        return Json.claim(claim);
    }

    public String toJson() {
        ObjectNode n = Json.published(toClaim());
        n.put("claim_id", claimId);
        n.put("report_id", reportId);
        n.put("story", storyId);
        return Json.text(n);
    }
}
