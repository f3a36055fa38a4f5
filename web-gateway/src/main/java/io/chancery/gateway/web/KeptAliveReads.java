package io.chancery.gateway.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Asks for the next read of a kept-alive connection after each answer ends.
 * <p>
 * Reactor Netty (1.3.6, as Spring Boot 4.0.7 brings it) reads an HTTP/1.1 connection on
 * demand, and one path forgets to ask: a request that arrives before the previous
 * answer's operations have ended is queued; when the queue is drained and the queued
 * request is answered at once, the read that should follow is never requested, and the
 * client's next request on that connection waits until it gives up (reactor-netty issue
 * 4361). It happens when an answer is completed off the event loop — health, a proxied
 * read — and the next one synchronously — a 404, {@code /livez}: a few in a thousand
 * requests on one connection did. Asking once more for a read after each answer is
 * harmless where the read was already requested (a pending read is one read) and a
 * request read early is queued by Reactor Netty as pipelining is. Remove this when the
 * managed Reactor Netty has the fix; {@code GatewayApplicationTests} shows the hang
 * without it.
 */
@Configuration(proxyBeanMethods = false)
class KeptAliveReads {

	@Bean
	NettyServerCustomizer readAfterEachAnswer() {
		Handler handler = new Handler();
		return (server) -> server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
				channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "chancery.keptAliveReads", handler);
			}
		});
	}

	@ChannelHandler.Sharable
	static final class Handler extends ChannelOutboundHandlerAdapter {

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			boolean ends = message instanceof LastHttpContent;
			context.write(message, promise);
			if (ends) {
				// After the tasks the end of this answer schedules, the queue's drain
				// among
				// them.
				context.executor().execute(() -> {
					if (context.channel().isActive()) {
						context.read();
					}
				});
			}
		}

	}

}
