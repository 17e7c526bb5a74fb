package io.portevoix.tracking;

import io.portevoix.audience.BroadcastType;
import java.util.Map;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The public recipient pages behind signed links. Every method takes the token from the link; a
 * token that does not verify (altered, forged, of an erased member) gives empty or false and
 * changes nothing. Consent changes are committed before the method returns.
 */
@PrimaryPort
public interface RecipientPages {

    Optional<RecipientPage> page(String token, LinkPurpose purpose);

    /** Withdraws the member's e-mail consent for the broadcast type of the link's campaign. */
    boolean unsubscribe(String token);

    /**
     * A click: the destination of a signed link (empty when the token does not verify), the hit
     * recorded (flagged when a machine made it) without waiting for the database.
     */
    Optional<String> click(String token, Hit hit);

    /** An open (the pixel); false when the token does not verify. */
    boolean open(String token, Hit hit);

    /**
     * The web version of the member's message of the link's campaign, rendered again as it was sent
     * with its links tracked (no open pixel: a view of the web version is recorded as such, not as an
     * open); empty when the token does not verify.
     */
    Optional<WebVersion> webVersion(String token, Hit hit);

    /** Sets the member's e-mail consents for informative and marketing messages. */
    boolean savePreferences(String token, Map<BroadcastType, Boolean> accepted);

    /** A click on an SMS short link ({@code /s/<code>}): its destination, empty when the code does not verify. */
    Optional<String> shortClick(String code, Hit hit);
}
