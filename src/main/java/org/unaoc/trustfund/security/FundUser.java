package org.unaoc.trustfund.security;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user of the fund, with the contributor a co-sponsor or donor speaks for. */
public class FundUser extends User {

    private final @Nullable String contributor;

    FundUser(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
             @Nullable String contributor) {
        super(username, password, enabled, true, true, true, authorities);
        this.contributor = contributor;
    }

    public @Nullable String contributor() {
        return contributor;
    }
}
