"""A loopback TCP relay that counts the bytes each way: what a page costs on the wire, after
the websocket's compression (a browser's own timings only see decompressed messages)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


@dataclass
class ByteCounter:
    down: int = 0  # server to browser
    up: int = 0


async def relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, count) -> None:
    try:
        while data := await reader.read(65536):
            count(len(data))
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def start_counting_relay(target_port: int, listen_port: int) -> tuple[asyncio.Server, ByteCounter]:
    """Relay 127.0.0.1:``listen_port`` to 127.0.0.1:``target_port``, counting; stop with server.close()."""
    counter = ByteCounter()

    def add_down(n: int) -> None:
        counter.down += n

    def add_up(n: int) -> None:
        counter.up += n

    async def handle(client_reader, client_writer) -> None:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
        await asyncio.gather(relay(client_reader, server_writer, add_up), relay(server_reader, client_writer, add_down))

    server = await asyncio.start_server(handle, "127.0.0.1", listen_port)
    return server, counter
