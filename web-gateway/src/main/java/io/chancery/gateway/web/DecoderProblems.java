package io.chancery.gateway.web;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers requests the HTTP decoder could not read (a request line or headers too long, a
 * malformed request line) with problem+json, like every other error the gateway gives.
 * Without this, Reactor Netty answers them itself, with a status and no body, before any
 * of Spring's handling runs.
 */
@Configuration(proxyBeanMethods = false)
class DecoderProblems {

	@Bean
	NettyServerCustomizer problemsForUndecodableRequests() {
		Handler handler = new Handler();
		return (server) -> server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
				channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "chancery.decoderProblems", handler);
			}
		});
	}

	@ChannelHandler.Sharable
	static final class Handler extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (!(message instanceof HttpRequest request) || request.decoderResult().isSuccess()) {
				context.fireChannelRead(message);
				return;
			}
			Throwable cause = request.decoderResult().cause();
			ReferenceCountUtil.release(message);
			HttpResponseStatus status;
			String detail;
			if (cause instanceof TooLongHttpLineException) {
				status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
				detail = "The request line is too long. Shorten the address: a search query (q) takes at most "
						+ "500 characters, and long filter lists belong in fewer values.";
			}
			else if (cause instanceof TooLongHttpHeaderException) {
				status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
				detail = "The request's headers are too large.";
			}
			else {
				status = HttpResponseStatus.BAD_REQUEST;
				detail = "The request is not well-formed HTTP.";
			}
			String body = "{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
					+ status.code() + ",\"detail\":\"" + detail + "\"}";
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
					Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
				.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
				.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			// The decoder discards the rest of this connection's input after a failure.
			context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
		}

	}

}
