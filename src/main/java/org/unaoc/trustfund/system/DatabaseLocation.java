package org.unaoc.trustfund.system;

/** Where the books are, as the owner (migrations) reaches them; {@code embedded} when this process started the server. */
public record DatabaseLocation(String url, String user, String password, boolean embedded) {

    @Override
    public String toString() {
        return url + " as " + user;
    }
}
