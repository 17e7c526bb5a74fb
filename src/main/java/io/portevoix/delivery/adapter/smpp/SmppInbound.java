package io.portevoix.delivery.adapter.smpp;

import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.delivery.application.port.SmsListener.ReceiptStatus;
import io.portevoix.templates.GsmAlphabet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMSC delivers (deliver_sm): delivery receipts and replies, handed to the listener. Until
 * a listener is given, and when the listener fails, deliver_sm is answered ESME_RX_T_APPN (a
 * temporary error) so that the SMSC delivers it again later instead of it being lost.
 */
final class SmppInbound implements MessageReceiverListener {

    private static final Logger LOG = LoggerFactory.getLogger(SmppInbound.class);

    private final String gateway;
    private final Clock clock;
    private volatile @Nullable SmsListener listener;

    SmppInbound(String gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    void listener(SmsListener listener) {
        this.listener = listener;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        SmsListener target = listener;
        if (target == null) {
            throw new ProcessRequestException("Not listening yet", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
        try {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                SmsListener.Receipt receipt = receipt(deliverSm);
                if (receipt != null) {
                    target.receipt(receipt);
                }
            } else {
                target.reply(reply(deliverSm));
            }
        } catch (RuntimeException e) {
            LOG.warn("A deliver_sm from the SMSC could not be recorded; it is refused for now", e);
            throw new ProcessRequestException("Not recorded", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
    }

    /** The final state of one part, or {@code null} for an intermediate one (ENROUTE, ACCEPTD) or an unreadable receipt. */
    private SmsListener.@Nullable Receipt receipt(DeliverSm deliverSm) {
        DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            LOG.warn("A delivery receipt could not be read and is ignored: {}", e.getMessage());
            return null;
        }
        ReceiptStatus status = switch (receipt.getFinalStatus()) {
            case DELIVRD -> ReceiptStatus.DELIVERED;
            case EXPIRED -> ReceiptStatus.EXPIRED;
            case UNDELIV, REJECTD, DELETED, UNKNOWN -> ReceiptStatus.FAILED;
            case ENROUTE, ACCEPTD -> null;
        };
        if (status == null) {
            return null;
        }
        String reason = status == ReceiptStatus.DELIVERED ? ""
                : receipt.getFinalStatus().name() + " err:" + (receipt.getError() == null ? "" : receipt.getError());
        return new SmsListener.Receipt(gateway, receiptedId(deliverSm, receipt), status, reason, clock.instant());
    }

    /** The receipted_message_id parameter when the SMSC sends one (it is the exact message_id), else the text's id. */
    private static String receiptedId(DeliverSm deliverSm, DeliveryReceipt receipt) {
        if (deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)
                instanceof OptionalParameter.OctetString id && !id.getValueAsString().isBlank()) {
            return id.getValueAsString().strip();
        }
        return receipt.getId();
    }

    private SmsListener.Reply reply(DeliverSm deliverSm) {
        byte[] message = deliverSm.getShortMessage();
        if ((message == null || message.length == 0) && deliverSm.getOptionalParameter(
                OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString payload) {
            message = payload.getValue();
        }
        if (message == null) {
            message = new byte[0];
        }
        int offset = deliverSm.isUdhi() && message.length > 0 ? Math.min(message.length, (message[0] & 0xFF) + 1) : 0;
        return new SmsListener.Reply(gateway, e164(deliverSm.getSourceAddr(), deliverSm.getSourceAddrTon()),
                e164(deliverSm.getDestAddress(), deliverSm.getDestAddrTon()),
                text(message, offset, deliverSm.getDataCoding()), clock.instant());
    }

    /** A number in international format gains its '+'; a short code or an alphanumeric address stays as it is. */
    private static String e164(@Nullable String address, byte ton) {
        if (address == null) {
            return "";
        }
        boolean international = ton == TypeOfNumber.INTERNATIONAL.value()
                || ton == TypeOfNumber.UNKNOWN.value() && address.length() > 7;
        return international && address.matches("[0-9]+") ? "+" + address : address;
    }

    /** Decodes by data_coding: 8 UCS-2, 3 or 4 Latin-1 or octets, 1 ASCII, otherwise the GSM default alphabet. */
    private static String text(byte[] message, int offset, byte dataCoding) {
        int length = message.length - offset;
        int alphabet = (dataCoding & 0xF0) == 0xF0 ? ((dataCoding & 0x04) != 0 ? 0x04 : 0x00) : dataCoding & 0x0F;
        return switch (alphabet) {
            case 0x08 -> new String(message, offset, length, StandardCharsets.UTF_16BE);
            case 0x03, 0x04 -> new String(message, offset, length, StandardCharsets.ISO_8859_1);
            case 0x01 -> new String(message, offset, length, StandardCharsets.US_ASCII);
            default -> GsmAlphabet.decode(message, offset, length);
        };
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.debug("alert_notification from the SMSC ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
