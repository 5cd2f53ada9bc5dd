package dev.trent.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last handler of the listening channel, after Netty's acceptor, which has already paused accepting for a
 * second: it reports accept failures (most often "Too many open files") in at most one warning per interval and
 * stops them there, so that nothing thrown while reporting can reach, and end, the thread that accepts.
 */
public final class AcceptErrors extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(AcceptErrors.class.getName());
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    private final ThrottledLog failures;

    public AcceptErrors(Clock clock) {
        // The console log formats times in the local zone, whose rules are read from a file on first use. With
        // no descriptor left that read fails, and the class that failed to load stays broken for good: every
        // later log line would throw. Loading them now, while descriptors are free, keeps logging working.
        ZoneId.systemDefault().getRules();
        this.failures = new ThrottledLog(LOG, Level.WARNING, clock, REPORT_INTERVAL);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failures.event(count -> count + " connection(s) could not be accepted since the last report; accepting"
                + " resumes in a second", cause);
    }
}
