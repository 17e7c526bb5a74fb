package io.portevoix.audience;

/** The field that identifies a member in an account: no two members share it. */
public enum UniquenessKey {
    EMAIL, MOBILE, EXTERNAL_REF
}
