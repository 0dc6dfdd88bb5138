package org.unaoc.trustfund.system;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/**
 * After every migration, on the owner's connection: the generated role exists, may log in, is a
 * member of trust_fund_app and has the password kept in the data folder (set again on every
 * start, so a lost file only means a new password). INHERIT, so that trust_fund_app's grants apply
 * without SET ROLE: a NOINHERIT member would have none of them. Whichever role the application
 * logs in as, the application does not start if that role could change the books past its grants.
 */
final class ApplicationRoleSetUp implements Callback {

    private final ApplicationRole role;

    ApplicationRoleSetUp(ApplicationRole role) {
        this.role = role;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        prepare(context.getConnection());
    }

    @Override
    public String getCallbackName() {
        return "application role";
    }

    void prepare(Connection owner) {
        DSLContext db = DSL.using(owner, SQLDialect.POSTGRES);
        try {
            if (role.generated()) {
                create(db, owner);
            }
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            throw new IllegalStateException("Could not create the database role " + role.user() + " the application "
                    + "logs in as: give the owner CREATEROLE, or create a role yourself (a member of "
                    + DatabaseConfiguration.RUNTIME_ROLE + ") and set DATABASE_APP_USER and DATABASE_APP_PASSWORD", e);
        }
        refuseMoreThanItsGrants(db);
    }

    private void create(DSLContext db, Connection owner) throws SQLException {
        Name name = DSL.name(role.user());
        if (!db.fetchExists(DSL.selectOne().from("pg_roles").where("rolname = {0}", role.user()))) {
            db.execute("CREATE ROLE {0} LOGIN INHERIT", name);
        }
        db.execute("ALTER ROLE {0} LOGIN INHERIT", name);
        db.execute("GRANT {0} TO {1}", DSL.name(DatabaseConfiguration.RUNTIME_ROLE), name);
        // hashed here (SCRAM), so the password itself never reaches the server or its log
        owner.unwrap(PGConnection.class).alterUserPassword(role.user(), role.password().toCharArray(), "scram-sha-256");
    }

    /**
     * A superuser, a role that may create roles or databases, bypass row security or replicate, an
     * owner of something in this database, or a member of any role but trust_fund_app (the owner,
     * pg_write_all_data …) could do what its grants forbid.
     */
    private void refuseMoreThanItsGrants(DSLContext db) {
        boolean more = db.fetchExists(DSL.selectOne().from("pg_roles r").where("r.rolname = {0}", role.user())
                .and("""
                        r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolcreatedb OR r.rolreplication
                        OR pg_has_role(r.oid, session_user, 'MEMBER')
                        OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                   WHERE m.member = r.oid AND g.rolname <> {0})
                        OR EXISTS (SELECT FROM pg_class WHERE relowner = r.oid)
                        OR EXISTS (SELECT FROM pg_namespace WHERE nspowner = r.oid)
                        OR EXISTS (SELECT FROM pg_database WHERE datname = current_database() AND datdba = r.oid)""",
                        DatabaseConfiguration.RUNTIME_ROLE));
        if (more) {
            throw new IllegalStateException("The database role " + role.user() + " the application logs in as is a superuser, "
                    + "may create roles or databases, bypasses row security, owns something in the database or is a member "
                    + "of a role other than " + DatabaseConfiguration.RUNTIME_ROLE + ": it must have only the grants of "
                    + DatabaseConfiguration.RUNTIME_ROLE + " (or unset DATABASE_APP_USER and let the application create its own)");
        }
    }
}
