package io.portevoix.audience;

import java.util.List;

/** A segment that campaigns still have to resolve cannot be deleted (a 409 naming them). */
public final class SegmentInUseException extends RuntimeException {

    private final List<String> campaigns;

    public SegmentInUseException(List<String> campaigns) {
        super("The segment is used by campaigns that have not finished sending: " + String.join(", ", campaigns));
        this.campaigns = List.copyOf(campaigns);
    }

    public List<String> campaigns() {
        return campaigns;
    }
}
