package dev.trent.server.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayList;
import java.util.List;

/** Decodes the bytes a server connection wrote back into the responses a client would read. */
final class WireResponses {

    private WireResponses() {
    }

    /** Every response in {@code wire}, in order; the caller releases them. */
    static List<FullHttpResponse> decode(List<ByteBuf> wire, HeadRequests heads) {
        EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder() {
            @Override
            protected boolean isContentAlwaysEmpty(HttpMessage msg) {
                if (msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    return super.isContentAlwaysEmpty(msg);
                }
                return heads.nextAnswersHead() || super.isContentAlwaysEmpty(msg);
            }
        }, new HttpObjectAggregator(Integer.MAX_VALUE));
        wire.forEach(client::writeInbound);
        client.finish();
        List<FullHttpResponse> responses = new ArrayList<>();
        for (Object read = client.readInbound(); read != null; read = client.readInbound()) {
            responses.add((FullHttpResponse) read);
        }
        return responses;
    }
}
