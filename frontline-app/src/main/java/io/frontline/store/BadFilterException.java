package io.frontline.store;

/** A filter or request parameter that cannot be used; names the parameter. */
public final class BadFilterException extends IllegalArgumentException {
    private final String parameter;

    public BadFilterException(String parameter, String detail) {
        super(parameter + ": " + detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
