package io.portevoix.audience.spi;

import io.portevoix.audience.SegmentId;
import java.util.List;

/** The campaigns of the current account that will still resolve a segment (waiting, scheduled or sending). */
public interface SegmentUsage {

    /** Names of the campaigns that use the segment and have not finished sending. */
    List<String> activeCampaignsUsing(SegmentId segment);
}
