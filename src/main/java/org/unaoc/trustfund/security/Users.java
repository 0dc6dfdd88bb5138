package org.unaoc.trustfund.security;

import static org.unaoc.trustfund.db.Tables.APP_USER;
import static org.unaoc.trustfund.db.Tables.USER_ROLE;

import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles, kept in PostgreSQL with bcrypt-hashed passwords. */
@Service
public class Users implements UserDetailsService {

    private final DSLContext db;
    private final PasswordEncoder passwords;

    Users(DSLContext db, PasswordEncoder passwords) {
        this.db = db;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne();
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        List<SimpleGrantedAuthority> roles = db.select(USER_ROLE.ROLE).from(USER_ROLE)
                .where(USER_ROLE.USERNAME.eq(username)).fetch(USER_ROLE.ROLE).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new FundUser(username, user.getPasswordHash(), user.getEnabled(), roles, user.getContributor());
    }

    /** Creates the user if missing (roles added, password set only on creation). */
    @Transactional
    public boolean createIfMissing(String username, String password, @Nullable String contributor, Role... roles) {
        int created = db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, passwords.encode(password))
                .set(APP_USER.CONTRIBUTOR, contributor)
                .onConflictDoNothing()
                .execute();
        for (Role role : roles) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USERNAME, username).set(USER_ROLE.ROLE, role.name())
                    .onConflictDoNothing().execute();
        }
        return created == 1;
    }

    /** Sets the password of an existing user (the administrator's from ADMIN_PASSWORD). */
    @Transactional
    public void setPassword(String username, String password) {
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwords.encode(password))
                .where(APP_USER.USERNAME.eq(username)).execute();
    }

    /** Disables the user if it is enabled and has this password; says whether it did. */
    @Transactional
    public boolean disableIfPassword(String username, String password) {
        var user = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).and(APP_USER.ENABLED.isTrue()).fetchOne();
        if (user == null || !passwords.matches(password, user.getPasswordHash())) {
            return false;
        }
        return db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.USERNAME.eq(username)).execute() == 1;
    }

    public @Nullable String contributorOf(String username) {
        return db.select(APP_USER.CONTRIBUTOR).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOne(APP_USER.CONTRIBUTOR);
    }
}
