package io.portevoix.templates;

/** How an SMS is encoded: the GSM 03.38 7-bit default alphabet, or UCS-2 when any character is outside it. */
public enum SmsEncoding {
    GSM_7BIT, UCS2
}
