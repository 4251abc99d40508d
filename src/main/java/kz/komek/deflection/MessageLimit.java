package kz.komek.deflection;

import io.javalin.http.Context;
import kz.komek.http.ClientAddress;
import kz.komek.http.TooManyRequestsException;
import kz.komek.storage.ClientAllowances;

/** At most N messages a minute from one client address, counted alike by every node (decision 0040). */
final class MessageLimit {
    private static final String KIND = "message";

    private final ClientAllowances allowances;
    private final int perMinute;
    private final boolean trustProxy;

    MessageLimit(ClientAllowances allowances, int perMinute, boolean trustProxy) {
        this.allowances = allowances;
        this.perMinute = perMinute;
        this.trustProxy = trustProxy;
    }

    void admit(Context ctx) {
        if (perMinute == 0) {
            return;
        }
        var wait = allowances.take(KIND, ClientAddress.of(ctx, trustProxy), perMinute);
        if (wait.isPresent()) {
            throw new TooManyRequestsException(
                    "too many messages from your address (at most " + perMinute + " a minute); try again in "
                            + wait.getAsLong() + " s",
                    wait.getAsLong());
        }
    }
}
